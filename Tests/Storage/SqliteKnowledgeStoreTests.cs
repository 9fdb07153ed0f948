namespace Radar.Tests.Storage;

public sealed class SqliteKnowledgeStoreTests() : KnowledgeStoreTests("Sqlite");
