extension BodyWriter {
    /// A paragraph; `section` makes it the last one of a section.
    func write(_ paragraph: Paragraph, section: PageLayout? = nil) throws {
        try xml.element("w:p") {
            try writeProperties(paragraph.properties, section: section)
            for inline in paragraph.content {
                switch inline {
                case .run(let run):
                    try write(run)
                case .field(let instruction, let placeholder, let properties):
                    try writeField(instruction: instruction, placeholder: placeholder, properties)
                case .chart(let chart):
                    try writeChart(chart)
                }
            }
        }
    }

    /// `w:pPr` children in schema order: pStyle, keepNext, keepLines,
    /// pageBreakBefore, pBdr, spacing, ind, jc, rPr, sectPr.
    func writeProperties(_ p: ParagraphProperties, section: PageLayout? = nil) throws {
        guard p != ParagraphProperties() || section != nil else { return }
        try xml.element("w:pPr") {
            if let style = p.style { try xml.element("w:pStyle", ["w:val": style]) }
            if p.keepNext { try xml.element("w:keepNext") }
            if p.keepLines { try xml.element("w:keepLines") }
            if p.pageBreakBefore { try xml.element("w:pageBreakBefore") }
            if p.topBorder != nil || p.bottomBorder != nil {
                try xml.element("w:pBdr") {
                    if let top = p.topBorder { try writeBorder("w:top", top) }
                    if let bottom = p.bottomBorder { try writeBorder("w:bottom", bottom) }
                }
            }
            if let spacing = p.spacing { try writeSpacing(spacing) }
            if let ind = p.indentation { try writeIndentation(ind) }
            if let alignment = p.alignment { try xml.element("w:jc", ["w:val": alignment.rawValue]) }
            if let mark = p.markProperties, !mark.isEmpty { try writeProperties(mark) }
            if let section { try writeSectionProperties(section) }
        }
    }

    func writeSpacing(_ s: Spacing) throws {
        try xml.startElement("spacing", prefix: "w")
        if let before = s.before { try xml.attribute("before", prefix: "w", value: String(before)) }
        if let after = s.after { try xml.attribute("after", prefix: "w", value: String(after)) }
        if let line = s.line {
            let (value, rule): (Int, String)
            switch line {
            case .multiple(let v): (value, rule) = (v, "auto")
            case .exactly(let v): (value, rule) = (v, "exact")
            case .atLeast(let v): (value, rule) = (v, "atLeast")
            }
            try xml.attribute("line", prefix: "w", value: String(value))
            try xml.attribute("lineRule", prefix: "w", value: rule)
        }
        try xml.endElement()
    }

    func writeIndentation(_ ind: Indentation) throws {
        try xml.startElement("ind", prefix: "w")
        if let left = ind.left { try xml.attribute("left", prefix: "w", value: String(left)) }
        if let right = ind.right { try xml.attribute("right", prefix: "w", value: String(right)) }
        if let hanging = ind.hanging {
            try xml.attribute("hanging", prefix: "w", value: String(hanging))
        } else if let firstLine = ind.firstLine {
            try xml.attribute("firstLine", prefix: "w", value: String(firstLine))
        }
        try xml.endElement()
    }

    func writeBorder(_ name: String, _ border: Border) throws {
        try xml.element(name, ["w:val": border.style.rawValue, "w:sz": String(border.size),
                               "w:space": String(border.space), "w:color": border.color])
    }
}
