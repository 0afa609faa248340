#!/usr/bin/env python3
"""Escapes non-ASCII characters in .properties files as \\uXXXX.

OSGi bundle localization and Eclipse NLS read .properties as ISO-8859-1, so Japanese text must be
escaped. Write the files in UTF-8, then run this (it is idempotent):
    releng/escape-properties.py $(git ls-files '*.properties')
"""
import sys

for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    escaped = "".join(c if ord(c) < 128 else "\\u%04x" % ord(c) for c in text)
    if escaped != text:
        with open(path, "w", encoding="ascii", newline="") as f:
            f.write(escaped)
        print("escaped", path)
