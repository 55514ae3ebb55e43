import CityCertStore
import Foundation
import Testing

/// Where the quick start's copy of the sample store goes (README: `~/.local/share/citycert/sample-store`).
@Suite struct SampleStoreTests {
    @Test func theCopyFollowsHomeThenXDGDataHome() {
        #expect(SampleStore.defaultCopyLocation(environment: ["HOME": "/home/lim"]).path == "/home/lim/.local/share/citycert/sample-store")
        #expect(SampleStore.defaultCopyLocation(environment: ["HOME": "/home/lim", "XDG_DATA_HOME": "/data"]).path == "/data/citycert/sample-store")
        #expect(SampleStore.defaultCopyLocation(environment: ["HOME": "/home/lim", "XDG_DATA_HOME": ""]).path == "/home/lim/.local/share/citycert/sample-store",
                "an empty XDG_DATA_HOME is unset")
    }
}
