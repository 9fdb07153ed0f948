using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Radar.Storage.Stores;

/// <summary>Recognises "that row exists already", the answer of insert-if-absent, on every provider.</summary>
internal static class UniqueViolation
{
    private const int SqliteConstraint = 19;

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,
        DbException { SqlState: "23505" } => true,
        _ => false,
    };
}
