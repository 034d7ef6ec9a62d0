using ExecutionHub.Web.Domain;

namespace ExecutionHub.Web.Features.Matters;

public static class MatterQueries
{
    public const MatterStatus LastOpenStatus = MatterStatus.Consolidated;

    /// <summary>
    /// Matters in an open state. The open states are the first four of <see cref="MatterStatus"/>,
    /// so this is one range on the status column, which the (court or street, status, due) indexes
    /// serve; a list of values becomes a json_each parameter on SQLite that no index can use.
    /// </summary>
    public static IQueryable<Matter> Open(this IQueryable<Matter> matters) => matters.Where(m => m.Status <= LastOpenStatus);
}
