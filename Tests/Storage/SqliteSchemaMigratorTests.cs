using Radar.Storage;

namespace Radar.Tests.Storage;

public sealed class SqliteSchemaMigratorTests() : SchemaMigratorTests(StorageProvider.Sqlite);
