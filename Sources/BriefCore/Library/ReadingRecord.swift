/// Where the reader was in one article, and whether it was opened.
public struct ReadingRecord: Sendable, Equatable {
    /// Index in `Article.blocks` of the text at the top of the view; -1 is the title.
    public var block: Int
    /// UTF-8 offset in that block's text.
    public var offset: Int
    public var read: Bool

    public init(block: Int, offset: Int, read: Bool) {
        self.block = block
        self.offset = offset
        self.read = read
    }
}
