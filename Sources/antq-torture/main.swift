// Placeholder: filled in by its issue.
print("antq-torture: not built yet")
