namespace ExecutionHub.Web.Components.Shared;

/// <summary>One entry of a pick list (a street, a judge, an assignee): the value sent and the name shown.</summary>
public sealed record Choice(string Id, string Name);
