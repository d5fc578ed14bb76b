import Testing
@testable import BriefCore

/// The writer owns the separators: callers open and close containers and write keys and
/// values; every `,` and `:` comes from the writer.
@Suite("JSONWriter structure")
struct JSONWriterStructureTests {
    @Test("Empty object and empty array, alone and nested")
    func empty() {
        var w = JSONWriter()
        w.object { _ in }
        #expect(w.string == "{}")

        w = JSONWriter()
        w.array { _ in }
        #expect(w.string == "[]")

        w = JSONWriter()
        w.object { w in
            w.object("a") { _ in }
            w.array("b") { _ in }
            w.beginArray("c"); w.endArray()
            w.beginObject("d"); w.endObject()
        }
        #expect(w.string == #"{"a":{},"b":[],"c":[],"d":{}}"#)

        w = JSONWriter()
        w.array { w in
            w.array { _ in }
            w.object { _ in }
            w.array { _ in }
        }
        #expect(w.string == "[[],{},[]]")
    }

    @Test("Nesting: commas between members and elements at every depth, none after a key")
    func nesting() {
        var w = JSONWriter()
        w.object { w in
            w.field("source", "a.md")
            w.field("count", 3)
            w.array("items") { w in
                w.object { w in
                    w.field("line", 1)
                    w.array("children") { w in
                        w.object { w in w.field("line", 2); w.array("children") { _ in } }
                        w.object { w in w.field("line", 3); w.array("children") { _ in } }
                    }
                }
                w.int(4)
                w.string("five")
                w.array { w in w.int(6); w.int(7) }
            }
            w.field("last", true)
        }
        #expect(w.string == #"{"source":"a.md","count":3,"items":[{"line":1,"children":["#
            + #"{"line":2,"children":[]},{"line":3,"children":[]}]},4,"five",[6,7]],"last":true}"#)
    }

    @Test("begin/end and the closure forms write the same bytes")
    func beginEnd() {
        var a = JSONWriter()
        a.beginObject()
        a.field("x", 1)
        a.beginArray("ys")
        a.beginObject(); a.field("y", "1"); a.endObject()
        a.beginObject(); a.field("y", "2"); a.endObject()
        a.endArray()
        a.beginObject("z"); a.field("w", false); a.endObject()
        a.endObject()

        var b = JSONWriter()
        b.object { b in
            b.field("x", 1)
            b.array("ys") { b in
                b.object { b in b.field("y", "1") }
                b.object { b in b.field("y", "2") }
            }
            b.object("z") { b in b.field("w", false) }
        }
        #expect(a.string == b.string)
        #expect(a.string == #"{"x":1,"ys":[{"y":"1"},{"y":"2"}],"z":{"w":false}}"#)
    }

    @Test("Scalars: null for a missing string, booleans, scores with three decimals, string arrays")
    func scalars() {
        var w = JSONWriter()
        w.object { w in
            w.field("section", nil as String?)
            w.field("named", "Intro" as String?)
            w.field("orphaned", false)
            w.field("highlight", true)
            w.field("score", number: 0.87654)
            w.field("line", -2)
            w.field("reasons", ["one", "two"])
            w.field("why", [String]())
        }
        #expect(w.string == #"{"section":null,"named":"Intro","orphaned":false,"highlight":true,"#
            + #""score":0.877,"line":-2,"reasons":["one","two"],"why":[]}"#)

        w = JSONWriter()
        w.array { w in w.null(); w.bool(true); w.number(1); w.number(0.5) }
        #expect(w.string == "[null,true,1,0.5]")
    }

    @Test("Escaping stays as it was, in values and in keys made at run time")
    func escaping() {
        let hostile = "a\"b\\c\n\t\u{1B}[x\u{7F}\u{9B}\u{2028}\u{202E}\u{2069} é 中 👩‍💻"
        let escaped = #""a\"b\\c\n\t\u001b[x\u007f\u009b\u2028\u202e\u2069 é 中 👩‍💻""#
        var w = JSONWriter()
        w.object { w in
            w.field("text", hostile)
            w.key(escaping: hostile); w.number(1)
        }
        #expect(w.string == "{\"text\":" + escaped + "," + escaped + ":1}")
    }

    @Test("A value rendered by another writer goes in as it is, separated like any value")
    func rendered() {
        var inner = JSONWriter()
        inner.object { w in w.field("k", "v") }
        var w = JSONWriter()
        w.object { w in
            w.field("source", "-")
            w.key("sentence"); w.json(inner.string)
        }
        w.array("after") { _ in }  // not valid at the top, but the comma logic must still hold
        #expect(w.string == #"{"source":"-","sentence":{"k":"v"}},"after":[]"#)
    }

    @Test("Records one a line: endLine starts the next without a comma")
    func lines() {
        var w = JSONWriter()
        for i in 1...3 {
            w.object { w in w.field("n", i) }
            w.endLine()
        }
        #expect(w.string == "{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n")
    }

    @Test("Streaming through the sink gives the bytes of the whole, in order")
    func streaming() {
        let nodes = (0..<5000).map { i in
            OutlineNode(kind: .paragraph, text: "Paragraph \(i) with \"quotes\" and a tab\t.", line: i + 1, level: 0,
                        children: i % 3 == 0 ? [OutlineNode(kind: .claim, text: "Claim \(i).", line: i + 1, level: 0,
                                                            score: 0.5, role: .claim, blockIndex: i)] : [],
                        evidence: i % 5 == 0 ? [.init(line: i, text: "evidence")] : [], blockIndex: i)
        }
        let outline = Outline(title: "T", nodes: nodes)
        let whole = outline.json(source: "s.md", reading: .markdown)
        var streamed: [UInt8] = []
        var chunks = 0
        withoutActuallyEscaping({ (bytes: [UInt8]) in streamed += bytes; chunks += 1 }) { sink in
            outline.writeJSON(source: "s.md", reading: .markdown, sink: sink)
        }
        #expect(chunks > 1)
        #expect(String(decoding: streamed, as: UTF8.self) == whole + "\n")
        #expect(whole.hasPrefix(#"{"source":"s.md","title":"T","reading":"markdown","outline":[{"kind":"paragraph","#
            + #""text":"Paragraph 0 with \"quotes\" and a tab\t.","line":1,"level":0,"evidence":[{"line":0,"text":"evidence"}],"#
            + #""children":[{"kind":"claim","text":"Claim 0.","line":1,"level":0,"score":0.5,"role":"claim","children":[]}]},"#))
        #expect(whole.hasSuffix(#""line":5000,"level":0,"children":[]}]}"#))
    }
}
