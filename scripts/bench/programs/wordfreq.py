# String building and dict work: generate a text, split it, count words, rank them.

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po", "qu", "el"]


def make_text(n_words):
    words = []
    seed = 12345
    for i in range(n_words):
        seed = (seed * 1103515245 + 12345) % 2147483648
        k = 1 + seed % 3
        w = ""
        s = seed
        for _ in range(k):
            w += SYLLABLES[s % 12]
            s //= 12
        if i % 17 == 0:
            w = w.capitalize()
        words.append(w)
        if i % 11 == 10:
            words.append("\n")
    return " ".join(words)


def count(text):
    freq = {}
    lengths = {}
    for line in text.split("\n"):
        for word in line.split():
            word = word.lower().strip(".,")
            freq[word] = freq.get(word, 0) + 1
            n = len(word)
            if n in lengths:
                lengths[n] += 1
            else:
                lengths[n] = 1
    return freq, lengths


text = make_text(600000)
freq, lengths = count(text)
ranked = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in ranked[:10]:
    print(f"{word:>8} {n}")
print(len(freq), sorted(lengths.items()))
report = []
for word, n in ranked:
    report.append(word.upper() + "=" + str(n))
print(len(",".join(report)), report[-1])
