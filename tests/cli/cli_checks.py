"""What the CLI tests in Python share: a check that stops the test with its
message, a comparison of figures to 1e-9, and the evidence levels in order."""
import sys

LEVELS = ["self_declared", "reported", "documented", "verified"]
RANK = {"none": 0, "self_declared": 1, "reported": 2, "documented": 3, "verified": 4}


def check(condition, message):
    if not condition:
        print("FAILED:", message)
        sys.exit(1)


def close(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
