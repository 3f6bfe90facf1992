import Foundation
import Rendering
import Testing

@Suite struct VietnameseNumberTests {
    @Test func integers() {
        #expect(VietnameseNumber.format(Int64(0)) == "0")
        #expect(VietnameseNumber.format(Int64(999)) == "999")
        #expect(VietnameseNumber.format(Int64(1240)) == "1.240")
        #expect(VietnameseNumber.format(Int64(1_500_000_000)) == "1.500.000.000")
        #expect(VietnameseNumber.format(Int64(-1_240)) == "-1.240")
        #expect(VietnameseNumber.format(Int64.min) == "-9.223.372.036.854.775.808")
        #expect(VietnameseNumber.format(100_000) == "100.000")
    }

    @Test func decimals() {
        #expect(VietnameseNumber.format(Decimal(string: "62.5")!) == "62,5")
        #expect(VietnameseNumber.format(Decimal(string: "62.50")!) == "62,5")
        #expect(VietnameseNumber.format(Decimal(string: "1240.75")!) == "1.240,75")
        #expect(VietnameseNumber.format(Decimal(string: "1500000000")!) == "1.500.000.000")
        #expect(VietnameseNumber.format(Decimal(string: "-0.25")!) == "-0,25")
        #expect(VietnameseNumber.format(Decimal(string: "2.345")!, maximumFractionDigits: 2) == "2,35")
        #expect(VietnameseNumber.format(Decimal(string: "62.04")!, maximumFractionDigits: 1) == "62")
        #expect(VietnameseNumber.format(Decimal(string: "-0.04")!, maximumFractionDigits: 1) == "0")
    }

    @Test func percent() {
        #expect(VietnameseNumber.percent(Decimal(string: "62.5")!) == "62,5 %")
        #expect(VietnameseNumber.percent(Decimal(string: "66.6666")!) == "66,7 %")
        #expect(VietnameseNumber.percent(100) == "100 %")
    }
}
