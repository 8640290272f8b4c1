"""Parses an SVG file as XML and prints its size and how many of each
drawing element it has, for FileCheck."""
import collections
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
ns = "{http://www.w3.org/2000/svg}"
if root.tag != ns + "svg":
    sys.exit(f"the root element is {root.tag}, not svg")
print(f"size: {float(root.get('width')):.0f} x {float(root.get('height')):.0f}")
counts = collections.Counter(child.tag.replace(ns, "") for child in root)
for tag in sorted(counts):
    print(f"{tag}: {counts[tag]}")
texts = [child.text for child in root if child.tag == ns + "text"]
print("texts:", " | ".join(texts))
