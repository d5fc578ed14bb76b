/// The outline of an article (DESIGN.md §3): sections contain what follows them up to the
/// next section of the same or higher level; nested bullets are children of their bullet;
/// a paragraph's key claims are `claim` children.
public struct OutlineNode: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case section, bullet, paragraph, quote, code, claim
    }

    /// A body sentence that supports a summary bullet.
    public struct Evidence: Sendable, Equatable {
        public var line: Int
        public var text: String
        public init(line: Int, text: String) { self.line = line; self.text = text }
    }

    public var kind: Kind
    public var text: String
    public var line: Int
    public var level: Int
    public var children: [OutlineNode]
    /// Claims only: how strongly the sentence reads as a key claim, in [0, 1].
    public var score: Double?
    /// Summary bullets only: supporting sentences, best first.
    public var evidence: [Evidence]
    /// Index of the block this node stands for in `Article.blocks`.
    public var blockIndex: Int

    public init(kind: Kind, text: String, line: Int, level: Int, children: [OutlineNode] = [],
                score: Double? = nil, evidence: [Evidence] = [], blockIndex: Int) {
        self.kind = kind
        self.text = text
        self.line = line
        self.level = level
        self.children = children
        self.score = score
        self.evidence = evidence
        self.blockIndex = blockIndex
    }

    /// This node and its descendants in reading order.
    public func forEachDepthFirst(depth: Int = 0, _ body: (OutlineNode, Int) -> Void) {
        var stack: [(OutlineNode, Int)] = [(self, depth)]
        while let (node, d) = stack.popLast() {
            body(node, d)
            for child in node.children.reversed() { stack.append((child, d + 1)) }
        }
    }
}

public struct Outline: Sendable, Equatable {
    public var title: String
    public var nodes: [OutlineNode]

    public init(title: String, nodes: [OutlineNode]) {
        self.title = title
        self.nodes = nodes
    }

    /// Builds the tree from an article's flat blocks.
    public init(article: Article) {
        title = article.title
        nodes = OutlineBuilder.build(article.blocks)
    }

    /// Every node in reading order with its depth in the tree.
    public func forEachDepthFirst(_ body: (OutlineNode, Int) -> Void) {
        for node in nodes { node.forEachDepthFirst(body) }
    }

    /// Visits and may change every node (used to attach claims and evidence).
    public mutating func updateEach(_ body: (inout OutlineNode) -> Void) {
        func visit(_ list: inout [OutlineNode]) {
            for i in list.indices {
                body(&list[i])
                visit(&list[i].children)
            }
        }
        visit(&nodes)
    }
}

/// Builds the tree in one pass over the blocks: nodes go into a flat list with the index of
/// their parent, then each node, taken from last to first, moves into its parent's children
/// (a child always comes after its parent, so it is complete by then).
enum OutlineBuilder {
    static func build(_ blocks: [Block]) -> [OutlineNode] {
        var nodes: [OutlineNode] = []
        var parents: [Int32] = []  // -1: a top-level node
        nodes.reserveCapacity(blocks.count)
        parents.reserveCapacity(blocks.count)
        var sections: [Int] = []  // open sections, outermost first (indices into `nodes`)
        var bullets: [Int] = []  // open bullets
        func add(_ node: OutlineNode, under parent: Int?) -> Int {
            nodes.append(node)
            parents.append(Int32(parent ?? -1))
            return nodes.count - 1
        }
        for (index, block) in blocks.enumerated() {
            let container = sections.last
            switch block.kind {
            case .heading:
                while let last = sections.last, nodes[last].level >= block.level { sections.removeLast() }
                let node = OutlineNode(kind: .section, text: block.text, line: block.line, level: block.level,
                                       blockIndex: index)
                sections.append(add(node, under: sections.last))
                bullets.removeAll()
            case .bullet:
                while let last = bullets.last, nodes[last].level >= block.level { bullets.removeLast() }
                let node = OutlineNode(kind: .bullet, text: block.text, line: block.line, level: block.level,
                                       blockIndex: index)
                bullets.append(add(node, under: bullets.last ?? container))
            case .paragraph where block.level > 0:
                // A later paragraph of a list item belongs to that item.
                while let last = bullets.last, nodes[last].level > block.level { bullets.removeLast() }
                let node = OutlineNode(kind: .paragraph, text: block.text, line: block.line, level: 0,
                                       blockIndex: index)
                _ = add(node, under: bullets.last ?? container)
            case .paragraph, .quote, .code:
                bullets.removeAll()
                let kind: OutlineNode.Kind = block.kind == .quote ? .quote : block.kind == .code ? .code : .paragraph
                let text = block.kind == .code ? collapseWhitespace(Array(block.text.utf8)) : block.text
                _ = add(OutlineNode(kind: kind, text: text, line: block.line,
                                    level: block.kind == .quote ? block.level : 0, blockIndex: index),
                        under: container)
            }
        }
        var top: [OutlineNode] = []
        let placeholder = OutlineNode(kind: .paragraph, text: "", line: 0, level: 0, blockIndex: -1)
        for i in nodes.indices.reversed() {
            var node = placeholder
            swap(&node, &nodes[i])  // moved out, not copied
            node.children.reverse()  // appended last to first
            if parents[i] >= 0 { nodes[Int(parents[i])].children.append(node) } else { top.append(node) }
        }
        top.reverse()
        return top
    }
}
