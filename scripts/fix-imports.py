#!/usr/bin/env python3
"""Sorts the imports of Java files in place, in the order src/checkstyle/vault-checks.xml checks
(Trino's): other packages, then javax, then java, then static imports, each group sorted by name
segment, groups apart by one blank line. With --qualified it also replaces a fully qualified name
written inline (java.util.Locale.ROOT) by an import and the simple name, where that name is free.

    scripts/fix-imports.py [--qualified] [FILE_OR_FOLDER ...]   (default: every module's src/)

Run it after merging branches: their imports may interleave.
"""

import os
import re
import sys

IMPORT = re.compile(r'^import\s+(static\s+)?([\w.]+(?:\.\*)?)\s*;\s*$')
QUALIFIED = re.compile(r'(?<![\w.@])((?:java|javax|com|org|io|dev|picocli)(?:\.[a-z_][\w]*)+)\.([A-Z]\w*)')
TYPE_DECLARATION = re.compile(r'\b(?:class|interface|enum|record)\s+([A-Z]\w*)')


def group(name, static):
    if static:
        return 3
    if name.startswith('javax.'):
        return 1
    if name.startswith('java.'):
        return 2
    return 0


def key(name):
    return name.split('.')


def blank_literals(text):
    """The text with comments and string or char literals replaced by spaces, offsets kept."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        if text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
        elif text.startswith('"""', i):
            j = text.find('"""', i + 3)
            while j > 0 and text[j - 1] == '\\':
                j = text.find('"""', j + 1)
            j = n if j < 0 else j + 3
        elif text[i] in '"\'':
            quote = text[i]
            j = i + 1
            while j < n and text[j] != quote and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            j += 1
        else:
            i += 1
            continue
        for k in range(i, min(j, n)):
            if out[k] != '\n':
                out[k] = ' '
        i = j
    return ''.join(out)


def split(text):
    """(head up to the imports, import lines, rest) of a Java file, or None without imports."""
    lines = text.split('\n')
    first = last = None
    for index, line in enumerate(lines):
        if IMPORT.match(line):
            first = index if first is None else first
            last = index
        elif first is not None and line.strip() and not line.startswith('import '):
            break
    if first is None:
        return None
    return lines[:first], lines[first:last + 1], lines[last + 1:]


def render(imports):
    groups = [[], [], [], []]
    for static, name in sorted(set(imports), key=lambda item: key(item[1])):
        groups[group(name, static)].append(('import static ' if static else 'import ') + name + ';')
    blocks = ['\n'.join(lines) for lines in groups if lines]
    return '\n\n'.join(blocks).split('\n')


def qualify(text, package, siblings):
    """Replaces inline qualified names by imports where the simple name is free."""
    parts = split(text)
    imports = []
    if parts:
        for line in parts[1]:
            match = IMPORT.match(line)
            if match:
                imports.append((bool(match.group(1)), match.group(2)))
    taken = {name.rsplit('.', 1)[-1]: name for static, name in imports if not static}
    code = blank_literals(text)
    declared = set(TYPE_DECLARATION.findall(code))
    start = code.find('\n', code.find('import ') if 'import ' in code else code.find('package ')) + 1
    if parts:
        start = len('\n'.join(parts[0] + parts[1]))
    replacements = []
    for match in QUALIFIED.finditer(code, start):
        qualifier, simple = match.group(1), match.group(2)
        full = qualifier + '.' + simple
        if qualifier == package:
            replacements.append((match.start(), match.end(), simple))
            continue
        owner = taken.get(simple)
        if owner == full or (owner is None and simple not in declared and simple not in siblings):
            taken[simple] = full
            replacements.append((match.start(), match.end(), simple))
    if not replacements:
        return text
    for begin, end, simple in reversed(replacements):
        text = text[:begin] + simple + text[end:]
    for simple, full in taken.items():
        if (False, full) not in imports and full.rsplit('.', 1)[0] != package and not full.startswith('java.lang.' + simple):
            imports.append((False, full))
    return with_imports(text, imports)


def with_imports(text, imports):
    parts = split(text)
    if parts is None:
        lines = text.split('\n')
        index = next(i for i, line in enumerate(lines) if line.startswith('package '))
        parts = lines[:index + 1] + [''], [], lines[index + 1:]
    head, _, rest = parts
    while head and not head[-1].strip():
        head = head[:-1]
    while rest and not rest[0].strip():
        rest = rest[1:]
    return '\n'.join(head + [''] + render(imports) + [''] + rest)


def fix(path, qualified):
    with open(path, encoding='utf-8') as file:
        text = file.read()
    original = text
    if qualified:
        package = re.search(r'^package\s+([\w.]+);', text, re.M)
        folder = os.path.dirname(path)
        siblings = {name[:-5] for name in os.listdir(folder) if name.endswith('.java')}
        text = qualify(text, package.group(1) if package else '', siblings)
    parts = split(text)
    if parts:
        imports = []
        for line in parts[1]:
            match = IMPORT.match(line)
            if match:
                imports.append((bool(match.group(1)), match.group(2)))
        text = with_imports(text, imports)
    if text != original:
        with open(path, 'w', encoding='utf-8') as file:
            file.write(text)
        return True
    return False


def main(arguments):
    qualified = '--qualified' in arguments
    roots = [argument for argument in arguments if argument != '--qualified']
    if not roots:
        here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        roots = [os.path.join(here, name, 'src') for name in sorted(os.listdir(here)) if name.startswith('vault-')]
    changed = 0
    for root in roots:
        paths = [root] if root.endswith('.java') else [os.path.join(folder, name) for folder, _, names in os.walk(root) for name in names if name.endswith('.java')]
        for path in sorted(paths):
            if fix(path, qualified):
                changed += 1
                print(path)
    print('%d file(s) changed' % changed, file=sys.stderr)


if __name__ == '__main__':
    main(sys.argv[1:])
