import BriefProcess
import Foundation
import Testing
@testable import BriefCore

/// Article text is untrusted: no control sequence from it may reach a terminal or a pipe.
@Suite("No terminal injection in text and JSON outputs", .serialized)
struct InjectionTests {
    static let esc = "\u{1B}"
    /// Every kind of sequence the hardening issue names, in every place an article has text.
    static let hostile = [
        "Title \(esc)]0;PWNED TITLE\u{07} with \(esc)]2;also\(esc)\\ a title change",
        "- •Bullet with clipboard write \(esc)]52;c;ZXZpbA==\u{07} and OSC 8 \(esc)]8;;https://evil.test\u{07}link\(esc)]8;;\u{07}",
        "A paragraph that clears the screen \(esc)[2J\(esc)[H and uses 8-bit CSI \u{9B}31m red \u{9B}0m, DCS \(esc)Pq#0\(esc)\\ and APC \(esc)_payload\(esc)\\.",
        "Hidden \u{202E}reversed\u{202C} and isolated \u{2066}text\u{2069}, DEL\u{7F}, NUL\u{00}, BEL\u{07}, backspace\u{08}.",
        "Section With A Bell\u{07}",
        "Another paragraph ends the article. It has \(esc)[31mcolour\(esc)[0m too.",
    ].joined(separator: "\n") + "\n"

    /// Bytes that must never appear: C0 controls but newline, DEL, C1 (as UTF-8), bidi controls.
    static func forbidden(in output: String) -> [String] {
        var found: [String] = []
        for scalar in output.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && v != 0x0A) || v == 0x7F || (0x80...0x9F).contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
                found.append(String(format: "U+%04X", v))
            }
        }
        return found
    }

    @Test("The parsed model holds none of them, in title, bullets, headings or body")
    func model() {
        let article = ArticleParser.parse(Self.hostile, fileName: "hostile.txt")
        #expect(Self.forbidden(in: article.title).isEmpty)
        for block in article.blocks { #expect(Self.forbidden(in: block.text).isEmpty, "\(block.text)") }
        #expect(article.title.hasPrefix("Title ]0;PWNED TITLE with"))
        #expect(article.blocks.contains { $0.kind == .bullet })
    }

    @Test("brief outline text and JSON, brief notes list and export: none of them raw",
          .enabled(if: BriefProcess.exists, "brief not built"))
    func outputs() throws {
        let dir = try BriefProcess.temporaryDirectory("inject")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("hostile\u{1B}]0;name\u{07}.txt").path
        try Data(Self.hostile.utf8).write(to: URL(fileURLWithPath: path))
        let env = ["XDG_DATA_HOME": dir.path]
        var outputs: [(String, String)] = []
        for format in ["text", "json"] {
            let r = try BriefProcess.run(["outline", "--format", format, path], environment: env)
            #expect(r.status == 0)
            outputs.append(("outline \(format)", r.out + r.err))
        }
        let add = try BriefProcess.run(["notes", "add", path, "--quote", "A paragraph that clears the screen",
                                        "--note", "note with \u{1B}[2J and \u{9B}1m inside"], environment: env)
        #expect(add.status == 0, "\(add.err)")
        for args in [["notes", "list"], ["notes", "list", "--format", "json"], ["notes", "export"],
                     ["notes", "export", "--format", "markdown"], ["notes", "export", "--format", "json"]] {
            let r = try BriefProcess.run(args, environment: env)
            #expect(r.status == 0, "\(args): \(r.err)")
            outputs.append((args.joined(separator: " "), r.out + r.err))
        }
        let missing = try BriefProcess.run(["outline", dir.appendingPathComponent("gone\u{1B}[2J.md").path], environment: env)
        outputs.append(("error message", missing.err))
        for (label, output) in outputs {
            #expect(Self.forbidden(in: output).isEmpty, "\(label) carries \(Self.forbidden(in: output))")
            #expect(!output.isEmpty, "\(label) printed nothing")
        }
    }
}

@Suite("JSONWriter")
struct JSONWriterTests {
    @Test("Escapes quotes, backslashes, C0, DEL, C1, line separators and bidi controls; keeps the rest")
    func escaping() {
        var w = JSONWriter()
        w.string("a\"b\\c\n\t\u{1B}[x\u{7F}\u{9B}\u{2028}\u{202E}\u{2069} é 中 👩‍💻")
        #expect(w.string == #""a\"b\\c\n\t\u001b[x\u007f\u009b\u2028\u202e\u2069 é 中 👩‍💻""#)
    }

    @Test("Scores have at most three decimals")
    func numbers() {
        var w = JSONWriter()
        w.array { w in w.number(0.12345); w.number(1); w.number(0.5); w.number(0) }
        #expect(w.string == "[0.123,1,0.5,0]")
    }
}
