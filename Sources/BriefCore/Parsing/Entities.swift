/// HTML character references: numeric ones and the named ones that occur in real
/// articles and READMEs. An unknown name stays as written, as CommonMark does.
enum Entities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "sbquo": "‚", "bdquo": "„",
        "laquo": "«", "raquo": "»", "lsaquo": "‹", "rsaquo": "›", "bull": "•", "middot": "·",
        "times": "×", "divide": "÷", "plusmn": "±", "minus": "−", "deg": "°", "micro": "µ",
        "para": "¶", "sect": "§", "dagger": "†", "Dagger": "‡", "permil": "‰", "prime": "′",
        "Prime": "″", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "curren": "¤",
        "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔", "lArr": "⇐", "rArr": "⇒",
        "hArr": "⇔", "le": "≤", "ge": "≥", "ne": "≠", "asymp": "≈", "equiv": "≡", "infin": "∞",
        "sum": "∑", "prod": "∏", "radic": "√", "part": "∂", "nabla": "∇", "isin": "∈", "notin": "∉",
        "cap": "∩", "cup": "∪", "sub": "⊂", "sup": "⊃", "and": "∧", "or": "∨", "not": "¬",
        "forall": "∀", "exist": "∃", "empty": "∅", "check": "✓", "cross": "✗", "star": "☆",
        "starf": "★", "hearts": "♥", "spades": "♠", "clubs": "♣", "diams": "♦", "loz": "◊",
        "iexcl": "¡", "iquest": "¿", "shy": "\u{00AD}", "ensp": "\u{2002}", "emsp": "\u{2003}",
        "thinsp": "\u{2009}", "zwnj": "\u{200C}", "zwj": "\u{200D}", "frac12": "½", "frac14": "¼",
        "frac34": "¾", "sup1": "¹", "sup2": "²", "sup3": "³", "ordf": "ª", "ordm": "º",
        "acute": "´", "uml": "¨", "cedil": "¸", "macr": "¯", "brvbar": "¦", "circ": "ˆ", "tilde": "˜",
        "Agrave": "À", "Aacute": "Á", "Acirc": "Â", "Atilde": "Ã", "Auml": "Ä", "Aring": "Å",
        "AElig": "Æ", "Ccedil": "Ç", "Egrave": "È", "Eacute": "É", "Ecirc": "Ê", "Euml": "Ë",
        "Igrave": "Ì", "Iacute": "Í", "Icirc": "Î", "Iuml": "Ï", "ETH": "Ð", "Ntilde": "Ñ",
        "Ograve": "Ò", "Oacute": "Ó", "Ocirc": "Ô", "Otilde": "Õ", "Ouml": "Ö", "Oslash": "Ø",
        "Ugrave": "Ù", "Uacute": "Ú", "Ucirc": "Û", "Uuml": "Ü", "Yacute": "Ý", "THORN": "Þ",
        "szlig": "ß", "agrave": "à", "aacute": "á", "acirc": "â", "atilde": "ã", "auml": "ä",
        "aring": "å", "aelig": "æ", "ccedil": "ç", "egrave": "è", "eacute": "é", "ecirc": "ê",
        "euml": "ë", "igrave": "ì", "iacute": "í", "icirc": "î", "iuml": "ï", "eth": "ð",
        "ntilde": "ñ", "ograve": "ò", "oacute": "ó", "ocirc": "ô", "otilde": "õ", "ouml": "ö",
        "oslash": "ø", "ugrave": "ù", "uacute": "ú", "ucirc": "û", "uuml": "ü", "yacute": "ý",
        "thorn": "þ", "yuml": "ÿ", "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ",
        "epsilon": "ε", "lambda": "λ", "mu": "μ", "pi": "π", "sigma": "σ", "tau": "τ", "phi": "φ",
        "omega": "ω", "Delta": "Δ", "Sigma": "Σ", "Omega": "Ω", "Pi": "Π", "theta": "θ",
        "vert": "|", "verbar": "|", "lowbar": "_", "ast": "*", "num": "#", "dollar": "$",
        "percnt": "%", "lpar": "(", "rpar": ")", "lsqb": "[", "rsqb": "]", "lbrack": "[",
        "rbrack": "]", "lcub": "{", "rcub": "}", "lbrace": "{", "rbrace": "}", "excl": "!",
        "quest": "?", "colon": ":", "semi": ";", "comma": ",", "period": ".", "sol": "/",
        "bsol": "\\", "grave": "`", "Hat": "^", "equals": "=", "plus": "+", "commat": "@",
        "NewLine": "\n", "Tab": "\t",
    ]

    /// Decodes the reference starting at `i` (which holds `&`): bytes and end position.
    static func decode(_ s: [UInt8], at i: Int) -> ([UInt8], Int)? {
        let n = s.count
        var j = i + 1
        guard j < n else { return nil }
        if s[j] == UInt8(ascii: "#") {
            j += 1
            var value: UInt32 = 0
            var digits = 0
            if j < n && (s[j] | 0x20) == UInt8(ascii: "x") {
                j += 1
                while j < n, digits < 6, let d = hexValue(s[j]) { value = value * 16 + d; j += 1; digits += 1 }
            } else {
                while j < n, digits < 7, isASCIIDigit(s[j]) { value = value * 10 + UInt32(s[j] - 48); j += 1; digits += 1 }
            }
            guard digits > 0, j < n, s[j] == UInt8(ascii: ";") else { return nil }
            var scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            if value == 0 { scalar = "\u{FFFD}" }
            // A reference to a control character must not smuggle one in.
            if value < 0x20 || value == 0x7F || SourceText.isUnsafeControl(value) {
                scalar = value == 0x09 || value == 0x0A ? " " : "\u{FFFD}"
            }
            return (Array(String(Character(scalar)).utf8), j + 1)
        }
        let start = j
        while j < n && j - start < 32 && isASCIIAlphanumeric(s[j]) { j += 1 }
        guard j > start, j < n, s[j] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: s[start..<j], as: UTF8.self)
        guard let value = named[name] else { return nil }
        return (Array(value.utf8), j + 1)
    }

    private static func hexValue(_ b: UInt8) -> UInt32? {
        if isASCIIDigit(b) { return UInt32(b - 48) }
        let l = b | 0x20
        if l >= 0x61 && l <= 0x66 { return UInt32(l - 0x61 + 10) }
        return nil
    }
}
