/// The outline of an article, as `brief outline` prints it: sections contain what follows
/// them up to the next section of the same or higher level; nested bullets are children of
/// their bullet; a paragraph's key points are `claim` children (with their score and role).
public struct OutlineNode: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case section, bullet, paragraph, quote, code, table, claim
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
    /// Key points (`claim` nodes) only: how likely the sentence is a key point, in [0, 1].
    public var score: Double?
    /// Key points only: thesis, claim, conclusion or fact.
    public var role: KeyPointRole?
    /// Summary bullets only: supporting sentences, best first.
    public var evidence: [Evidence]
    /// Index of the block this node stands for in `Article.blocks`.
    public var blockIndex: Int

    public init(kind: Kind, text: String, line: Int, level: Int, children: [OutlineNode] = [],
                score: Double? = nil, role: KeyPointRole? = nil, evidence: [Evidence] = [], blockIndex: Int) {
        self.kind = kind
        self.text = text
        self.line = line
        self.level = level
        self.children = children
        self.score = score
        self.role = role
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
    /// The article's kind, once an analysis is attached.
    public var kind: ArticleKind?

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

/// Every block is one node of the outline, in reading order. `parents` finds each node's
/// parent in one pass; the tree is built from that (each node, taken from last to first,
/// moves into its parent's children: a child always comes after its parent, so it is
/// complete by then). A reader listing the outline flat uses `parents` alone.
public enum OutlineBuilder {
    /// For each block, the index of the block whose node is its parent (-1: top level).
    /// Sections contain what follows up to the next section of the same or higher level;
    /// nested bullets belong to their bullet, a later paragraph of a list item to that item.
    public static func parents(_ blocks: [Block]) -> [Int32] {
        var parents: [Int32] = []
        parents.reserveCapacity(blocks.count)
        var sections: [Int] = []  // open sections, outermost first
        var bullets: [Int] = []  // open bullets
        for (index, block) in blocks.enumerated() {
            let container = sections.last
            let parent: Int?
            switch block.kind {
            case .heading:
                while let last = sections.last, blocks[last].level >= block.level { sections.removeLast() }
                parent = sections.last
                sections.append(index)
                bullets.removeAll()
            case .bullet:
                while let last = bullets.last, blocks[last].level >= block.level { bullets.removeLast() }
                parent = bullets.last ?? container
                bullets.append(index)
            case .paragraph where block.level > 0:
                while let last = bullets.last, blocks[last].level > block.level { bullets.removeLast() }
                parent = bullets.last ?? container
            case .paragraph, .quote, .code, .table:
                bullets.removeAll()
                parent = container
            }
            parents.append(Int32(parent ?? -1))
        }
        return parents
    }

    public static func kind(of block: Block) -> OutlineNode.Kind {
        switch block.kind {
        case .heading: return .section
        case .bullet: return .bullet
        case .paragraph: return .paragraph
        case .quote: return .quote
        case .code: return .code
        case .table: return .table
        }
    }

    /// The node's text: the block's, with a code block's lines run together.
    public static func text(of block: Block) -> String {
        block.kind == .code || block.kind == .table ? collapseWhitespace(Array(block.text.utf8)) : block.text
    }

    /// Whether claims found in the block become children of its node.
    public static func holdsClaims(_ kind: OutlineNode.Kind) -> Bool {
        kind == .paragraph || kind == .bullet || kind == .quote
    }

    static func build(_ blocks: [Block]) -> [OutlineNode] {
        let parents = parents(blocks)
        var nodes: [OutlineNode] = []
        nodes.reserveCapacity(blocks.count)
        for (index, block) in blocks.enumerated() {
            let level = block.kind == .heading || block.kind == .bullet || block.kind == .quote ? block.level : 0
            nodes.append(OutlineNode(kind: kind(of: block), text: text(of: block), line: block.line, level: level,
                                     blockIndex: index))
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
