// swift-tools-version:6.0
import PackageDescription

/// baocao: inbox → ingest → validate → store → merge → render → outbox.
/// One module per stage; C libraries only behind the thin `CLib*` wrappers.
/// Linux only: the store relies on Glibc, `syncfs` and `FICLONE`.
let package = Package(
    name: "baocao",
    products: [
        .executable(name: "baocao", targets: ["baocao"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // The portal (`baocao serve`).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        // Hummingbird's own; named here for the load test's client.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CLibZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "CLibDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),

        .target(name: "CFileSync"),
        .target(name: "CTwoLaneSHA256"),
        .target(name: "SystemKit", dependencies: ["CFileSync", "CTwoLaneSHA256", "ReportModel", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "XMLKit", dependencies: ["CLibXML2"]),
        .target(name: "ZipKit", dependencies: ["CLibZip", "CLibDeflate"]),
        .target(name: "ReportModel"),
        .target(name: "Rendering", dependencies: ["XMLKit", "ZipKit", "ReportModel", "Consolidation"]),
        .target(
            name: "Intake",
            dependencies: ["ReportModel", "XMLKit", "ZipKit", "SystemKit", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources")]
        ),
        .target(name: "Store", dependencies: ["ReportModel", "SystemKit", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Consolidation", dependencies: ["ReportModel", "Store", "SystemKit"]),
        .target(name: "Pipeline", dependencies: ["Intake", "Store", "Consolidation", "Rendering", "ReportModel", "SystemKit"]),
        .target(
            name: "Portal",
            dependencies: [
                "Pipeline", "Consolidation", "Intake", "Store", "ReportModel", "SystemKit", "Rendering",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "baocao",
            dependencies: ["Pipeline", "Portal", "Consolidation", "Intake", "Store", "ReportModel", "SystemKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // The fuzz target of `check` (`make fuzz`); plainly built, a replayer of its corpus.
        .executableTarget(name: "FuzzCheck", dependencies: ["Intake", "ReportModel", "XMLKit", "ZipKit"]),

        // The benchmark's corpus generator; not part of what units or the secretariat use.
        .executableTarget(name: "CorpusGenerator", dependencies: ["Intake", "ReportModel", "XMLKit"]),

        // The load test's clients (`scripts/load-test`): as cheap as a client can be, on the server's two cores.
        .executableTarget(name: "LoadClient", dependencies: [
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),

        .testTarget(name: "XMLKitTests", dependencies: ["XMLKit"]),
        .testTarget(name: "ZipKitTests", dependencies: ["ZipKit"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering"]),
        .testTarget(name: "IntakeTests", dependencies: ["Intake", "ReportModel", "ZipKit", "SystemKit"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "ReportModel", "SystemKit"]),
        .testTarget(name: "ConsolidationTests", dependencies: ["Consolidation", "Store", "ReportModel", "Intake", "SystemKit"]),
        .testTarget(name: "DocumentTests", dependencies: ["Pipeline", "Consolidation", "Rendering", "Store", "Intake", "ReportModel", "SystemKit"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Consolidation", "Intake", "Store", "ReportModel", "ZipKit", "SystemKit"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ZipKit"]),
        .testTarget(name: "ReportModelTests", dependencies: ["ReportModel"]),
        .testTarget(name: "PortalTests", dependencies: [
            "Portal", "Intake", "Store", "ReportModel", "SystemKit",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
    ]
)
