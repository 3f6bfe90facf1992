/// Unit conversions. WordprocessingML measures in twips (1/1440 inch);
/// DrawingML in EMU (1/914400 inch, 635 per twip).
public enum Twips {
    /// Millimetres to twips, rounded.
    public static func mm(_ millimetres: Double) -> Int { Int((millimetres * 1440 / 25.4).rounded()) }
    /// Centimetres to twips, rounded.
    public static func cm(_ centimetres: Double) -> Int { mm(centimetres * 10) }
    /// Twips to EMU.
    static func emu(_ twips: Int) -> Int { twips * 635 }
}
