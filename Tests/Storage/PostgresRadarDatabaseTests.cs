using Radar.Storage;

namespace Radar.Tests.Storage;

[Trait("Category", "Slow")]
public sealed class PostgresRadarDatabaseTests() : RadarDatabaseTests(StorageProvider.Postgres);
