extension Outline {
    /// Puts an analysis into the outline: its kind, and each key point becomes a `claim` child (level 0, with
    /// its score) of the paragraph, bullet or quote node it was found in, before any other
    /// children and in reading order; each summary bullet gets its evidence. Attaching
    /// again replaces what an earlier call attached.
    public mutating func attach(_ analysis: ArticleAnalysis) {
        kind = analysis.kind
        var byBlock: [Int: [ScoredSentence]] = [:]
        for claim in analysis.claims { byBlock[claim.blockIndex, default: []].append(claim) }
        updateEach { node in
            guard node.kind != .claim else { return }
            if node.children.first?.kind == .claim { node.children.removeAll { $0.kind == .claim } }
            if let claims = byBlock[node.blockIndex], OutlineBuilder.holdsClaims(node.kind) {
                let nodes = claims.sorted { $0.range.lowerBound < $1.range.lowerBound }.map {
                    OutlineNode(kind: .claim, text: $0.text, line: $0.line, level: 0, score: $0.score,
                                role: $0.role, blockIndex: $0.blockIndex)
                }
                node.children.insert(contentsOf: nodes, at: 0)
            }
            if node.kind == .bullet {
                node.evidence = analysis.evidence[node.blockIndex] ?? []
            }
        }
    }
}
