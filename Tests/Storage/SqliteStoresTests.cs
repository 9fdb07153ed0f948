using Radar.Storage;

namespace Radar.Tests.Storage;

public sealed class SqliteStoresTests() : StoresTests("Sqlite")
{
    [Fact]
    public void ASecondProcessCannotOpenTheSameSqliteDatabase()
    {
        using var first = SqliteInstanceLock.Acquire(Database.ConnectionString);

        var refused = Assert.Throws<DatabaseInUseException>(() => SqliteInstanceLock.Acquire(Database.ConnectionString));
        Assert.Contains("in use by another Radar process", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLockIsReleasedWithItsHolder()
    {
        SqliteInstanceLock.Acquire(Database.ConnectionString).Dispose();

        using var again = SqliteInstanceLock.Acquire(Database.ConnectionString);
    }
}
