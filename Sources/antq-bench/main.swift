// Placeholder: filled in by its issue.
print("antq-bench: not built yet")
