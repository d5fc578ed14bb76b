/// A title line read on its own, without parsing the article around it (the library's
/// provisional titles): its inline markup removed as the parser removes it.
public enum TitleLine {
    public static func visible(_ raw: some StringProtocol) -> String {
        InlineParser.parse(Array(raw.utf8)).text
    }
}
