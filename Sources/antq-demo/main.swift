// Placeholder: filled in by its issue.
print("antq-demo: not built yet")
