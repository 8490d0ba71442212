/// The vocabularies in force: the built-in ones and the values the log
/// declares (`vocabulary.extended`) up to some point.
public struct Vocabularies: Sendable, Equatable {
    public private(set) var byName: [VocabularyName: Vocabulary]

    public static let builtIn = Vocabularies(byName: Vocabulary.builtIn)

    public subscript(_ name: VocabularyName) -> Vocabulary { byName[name]! }

    /// Adds a declared value (an existing code is left as it is).
    public mutating func extend(_ name: VocabularyName, with term: Term) {
        byName[name]!.add(term)
    }
}
