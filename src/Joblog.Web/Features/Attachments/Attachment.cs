namespace Joblog.Web.Features.Attachments;

/// <summary>A file attached to a log. <see cref="StorageKey"/> is the file store's name for its bytes and never leaves the server.</summary>
public sealed record Attachment(Guid Id, Guid LogId, string FileName, string ContentType, long Size, DateTimeOffset CreatedAt, string StorageKey)
{
    public AttachmentDto ToDto() => new(Id, FileName, Size, ContentType, CreatedAt);
}

/// <summary>An attachment as the API shows it.</summary>
public sealed record AttachmentDto(Guid Id, string FileName, long Size, string ContentType, DateTimeOffset CreatedAt);

public sealed record AttachmentListDto(IReadOnlyList<AttachmentDto> Items, string? NextCursor);

/// <summary>One line of a log's history about its attachments: who added or deleted which file, when, through which channel.</summary>
public sealed record AttachmentEvent(DateTimeOffset At, string Action, string FileName, string Channel, string ActorName);

/// <summary>Whether files can be added to a log now.</summary>
public enum LogState { NotFound, Open, Closed, Full }

public enum AddOutcome { Added, NotFound, ReadOnly, Closed, Full, Empty, UnsupportedType }

public sealed record AddResult(AddOutcome Outcome, Attachment? Attachment = null);

public enum RemoveOutcome { Removed, NotFound, ReadOnly, Closed }
