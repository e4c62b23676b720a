"""Module docstring."""


def documented():
    """Function docstring."""
    return 1


def doc_only():
    """Only a docstring."""


def not_doc():
    x = 1
    "not a docstring"
    return x


def expr_first():
    1
    "still not a docstring"


def folded_doc():
    "a" "b"
    return 2


def fstring_not_doc():
    f"x{1}"


print(__doc__, documented.__doc__, doc_only.__doc__, not_doc.__doc__, expr_first(), folded_doc.__doc__)
