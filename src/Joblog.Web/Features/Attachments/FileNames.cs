using System.Globalization;
using System.Text;

namespace Joblog.Web.Features.Attachments;

/// <summary>
/// File names as the user gave them, made safe to show and to offer on download. They are never
/// used as paths: the file store has its own random keys.
/// </summary>
public static class FileNames
{
    public const int MaxStemLength = 100;

    private static readonly string[] WindowsDeviceNames =
        ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
         "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"];

    /// <summary>
    /// The last path segment only; control and formatting characters (such as right-to-left overrides)
    /// removed; characters that are not allowed in file names replaced; whitespace collapsed; no leading
    /// or trailing dots or spaces; at most <see cref="MaxStemLength"/> characters before the extension;
    /// and the extension of the kind the bytes are (a PDF called "cv.txt" becomes "cv.pdf").
    /// Danish letters, and any other letters, are kept.
    /// </summary>
    public static string Clean(string? name, FileKind kind)
    {
        var text = name ?? "";
        var slash = text.LastIndexOfAny(['/', '\\']);
        if (slash >= 0) text = text[(slash + 1)..];

        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsWhiteSpace(rune)) builder.Append(' ');
            else if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                     or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned || rune == Rune.ReplacementChar) continue;
            else if (rune.Value is '<' or '>' or ':' or '"' or '|' or '?' or '*') builder.Append('_');
            else builder.Append(rune.ToString());
        }
        text = string.Join(' ', builder.ToString().Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries));

        var (stem, extension) = Split(text.Trim(' ', '.'));
        if (!extension.Equals(kind.Extension, StringComparison.OrdinalIgnoreCase) && !LooksLikeExtension(extension))
            stem += extension; // "Ansøgning v.2" keeps its ".2"
        stem = Shorten(stem.Trim(' ', '.'), MaxStemLength).TrimEnd(' ', '.');
        if (stem.Length == 0) stem = "fil";
        if (WindowsDeviceNames.Contains(stem, StringComparer.OrdinalIgnoreCase)) stem = "_" + stem;
        return stem + kind.Extension;
    }

    /// <summary>An ASCII stand-in for old clients (the <c>filename</c> beside <c>filename*</c>): æ→ae, ø→oe, å→aa, accents dropped, the rest '_'.</summary>
    public static string AsciiFallback(string name)
    {
        var danish = name.Replace("æ", "ae", StringComparison.Ordinal).Replace("ø", "oe", StringComparison.Ordinal).Replace("å", "aa", StringComparison.Ordinal)
            .Replace("Æ", "Ae", StringComparison.Ordinal).Replace("Ø", "Oe", StringComparison.Ordinal).Replace("Å", "Aa", StringComparison.Ordinal);
        var builder = new StringBuilder(danish.Length);
        foreach (var c in danish.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(c is >= ' ' and <= '~' and not ('"' or '\\' or '%') ? c : '_');
        }
        return builder.ToString();
    }

    private static (string Stem, string Extension) Split(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot <= 0 ? (name, "") : (name[..dot], name[dot..]);
    }

    private static bool LooksLikeExtension(string extension) =>
        extension.Length is >= 2 and <= 6 && extension.Skip(1).All(char.IsAsciiLetterOrDigit) && extension.Skip(1).Any(char.IsAsciiLetter);

    /// <summary>At most <paramref name="max"/> characters, never splitting a letter and its accents or a surrogate pair.</summary>
    private static string Shorten(string text, int max)
    {
        if (text.Length <= max) return text;
        var elements = StringInfo.GetTextElementEnumerator(text);
        var length = 0;
        while (elements.MoveNext() && elements.ElementIndex + ((string)elements.Current).Length <= max)
            length = elements.ElementIndex + ((string)elements.Current).Length;
        return text[..length];
    }
}
