"""Checks that no line of standard input is wider than argv[1] characters
(code points) and prints how many panels the drawing has: a panel starts at
every line that begins with the first wire's name."""
import sys

limit = int(sys.argv[1])
lines = sys.stdin.read().splitlines()
widest = max(len(line) for line in lines)
if widest > limit:
    sys.exit(f"a line is {widest} characters wide, more than {limit}")
first_wire = lines[1].split(":")[0] + ":"
panels = sum(1 for line in lines if line.startswith(first_wire))
print(f"panels: {panels}")
