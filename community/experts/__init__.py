"""The pool of experts' public side: relayed messages and the expert's own withdrawal link."""
