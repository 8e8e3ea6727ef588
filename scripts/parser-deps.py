#!/usr/bin/env python3
"""The module graph of src/parser/: which module uses which (from `use super::x`
and `super::x::` paths, tests excluded), its cycles, and the modules in an
order where each one comes after the ones it uses.

    python3 scripts/parser-deps.py          # prints the graph; exit 1 on a cycle
"""
import glob
import os
import re
import sys

root = os.path.join(os.path.dirname(__file__), "..", "src", "parser")
modules = sorted(os.path.basename(p)[:-3] for p in glob.glob(os.path.join(root, "*.rs")) if not p.endswith("mod.rs"))
deps = {}
for m in modules:
    text = open(os.path.join(root, m + ".rs"), encoding="utf-8").read()
    text = text.split("#[cfg(test)]")[0]  # unit tests may reach anywhere
    text = re.sub(r"//.*", "", text)  # doc links are not uses
    used = set(re.findall(r"super::(\w+)", text))
    # `use super::{a, b::c}` groups
    for group in re.findall(r"use super::\{([^}]*)\}", text):
        used |= set(re.findall(r"(?:^|[\s,{])(\w+)", group))
    deps[m] = sorted(u for u in used if u in modules and u != m)

cycles = []
def visit(node, path):
    for d in deps[node]:
        if d in path:
            cycle = path[path.index(d):] + [d]
            if sorted(cycle[:-1]) not in [sorted(c[:-1]) for c in cycles]:
                cycles.append(cycle)
        else:
            visit(d, path + [d])
for m in modules:
    visit(m, [m])

for m in modules:
    print(f"{m:12} -> {', '.join(deps[m]) or '(nothing)'}")
if cycles:
    for c in cycles:
        print("cycle: " + " -> ".join(c))
    sys.exit(1)
order, done = [], set()
while len(order) < len(modules):
    for m in modules:
        if m not in done and all(d in done for d in deps[m]):
            order.append(m)
            done.add(m)
print("no cycles; in dependency order: " + " < ".join(order))
