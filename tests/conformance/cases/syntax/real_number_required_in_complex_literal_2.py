match x:
    case 1 + 2j:
        pass
    case 1j + 2:
        pass
