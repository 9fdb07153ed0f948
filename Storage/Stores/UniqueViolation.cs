using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Radar.Storage.Stores;

/// <summary>Recognises "that row exists already", the answer of insert-if-absent, on every provider.</summary>
internal static class UniqueViolation
{
    private const int SqliteConstraint = 19;

    /// <summary>Adds the row and saves: false, the row detached again, when an equal row exists already.</summary>
    public static async Task<bool> TryInsertAsync<T>(DbContext db, T row, CancellationToken cancellationToken)
        where T : class
    {
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException e) when (Is(e))
        {
            db.Entry(row).State = EntityState.Detached;
            return false;
        }
    }

    private static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,
        DbException { SqlState: "23505" } => true,
        _ => false,
    };
}
