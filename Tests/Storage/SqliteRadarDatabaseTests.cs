using Radar.Storage;

namespace Radar.Tests.Storage;

public sealed class SqliteRadarDatabaseTests() : RadarDatabaseTests(StorageProvider.Sqlite);
