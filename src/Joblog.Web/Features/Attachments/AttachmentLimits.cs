namespace Joblog.Web.Features.Attachments;

/// <summary>How large and how many: the rules every upload is held to, by the API and the page alike.</summary>
public static class AttachmentLimits
{
    /// <summary>10 MB, as the page tells the user ("under 10 MB").</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>A whole multipart request: the file plus room for boundaries, headers and a few small fields.</summary>
    public const long MaxRequestBytes = MaxFileBytes + 64 * 1024;

    /// <summary>
    /// The page reads (and discards) a too-large upload up to this size, so that the browser, which sends
    /// the whole body before it reads the answer, gets the page with the error instead of a reset connection.
    /// </summary>
    public const long MaxDrainedBytes = 50 * 1024 * 1024;

    public const int MaxPerLog = 20;

    /// <summary>Zip-bomb guard for DOCX and ODT: entries in the central directory, and their declared uncompressed total.</summary>
    public const int MaxArchiveEntries = 1000;

    public const long MaxArchiveUncompressedBytes = 100 * 1024 * 1024;
}
