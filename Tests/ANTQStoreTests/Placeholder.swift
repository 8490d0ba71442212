import Testing
// Tests for this module are added by their issue.
@Test func ANTQStoreTestsPlaceholder() {}
