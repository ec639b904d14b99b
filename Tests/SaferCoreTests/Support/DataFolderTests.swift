import Testing

@testable import SaferCore

@Suite struct DataFolderTests {
  @Test func theFolderComesFromTheFlagThenTheEnvironmentThenXDGThenHome() {
    #expect(DataFolder.resolve(flag: "/d", environment: ["SAFER_DATA": "/e"]).path == "/d")
    #expect(DataFolder.resolve(flag: nil, environment: ["SAFER_DATA": "/e", "XDG_DATA_HOME": "/x"]).path == "/e")
    #expect(DataFolder.resolve(flag: "", environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]).path == "/x/safer")
    #expect(
      DataFolder.resolve(flag: nil, environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"]).path == "/h/.local/share/safer")
  }

  /// Every part of the shell, the server and the tools finds the same files.
  @Test func everyFileHasOnePlace() {
    let folder = DataFolder("/data")
    #expect(FileRecordStore(dataFolder: "/data").usersFolder == folder.users)
    #expect(ClassResultsFolder(dataFolder: "/data").path == folder.classes)
    #expect(AssignmentList.path(dataFolder: "/data") == folder.assignments)
    #expect(Roster.path(dataFolder: "/data") == folder.roster)
    #expect(folder.historyFile(userID: "ana-1") == "/data/history/ana-1.history")
    #expect(folder.settings == "/data/settings.yaml" && folder.lastUser == "/data/last-user")
  }
}
