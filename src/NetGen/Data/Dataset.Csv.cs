using System;
using System.IO;

namespace NetGen;

public sealed partial class Dataset
{
    /// <summary>
    /// Loads a CSV file: by default a header line, then one row per line, the last column the target and the others
    /// features. A target column holding text (species names, say) becomes one-hot targets with the class names kept in
    /// <see cref="ClassNames"/>; numeric targets are taken as they are. Numbers are read culture-invariantly ("1.5",
    /// "-2e-3"), whatever the machine's locale.
    /// </summary>
    /// <param name="path">The file to read (UTF-8, or the encoding its byte-order mark names).</param>
    /// <param name="options">Which columns are targets or ignored, the separator, the header; null for the defaults.</param>
    /// <exception cref="InvalidDataException">
    /// A value is not a number, a row has another number of fields than the header, or another problem of the file;
    /// the message names the file, the line and the column, e.g. <c>iris.csv line 17, column "petal_width": "abc" is not a number</c>.
    /// </exception>
    /// <exception cref="ArgumentException">The options name a column the file does not have, or leave no feature column.</exception>
    public static Dataset LoadCsv(string path, CsvOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return CsvDatasetReader.Read(reader, options ?? new CsvOptions(), path);
    }

    /// <summary>Loads CSV text from <paramref name="reader"/>, as <see cref="LoadCsv(string, CsvOptions?)"/> loads a file.</summary>
    /// <param name="reader">The CSV text, read to its end (not disposed).</param>
    /// <param name="options">Which columns are targets or ignored, the separator, the header; null for the defaults.</param>
    /// <param name="sourceName">What messages call the text, in place of a file name (default "CSV").</param>
    /// <exception cref="InvalidDataException">The text has a problem; the message names the line and the column.</exception>
    /// <exception cref="ArgumentException">The options name a column the text does not have, or leave no feature column.</exception>
    public static Dataset LoadCsv(TextReader reader, CsvOptions? options = null, string sourceName = "CSV")
    {
        ArgumentNullException.ThrowIfNull(reader);
        return CsvDatasetReader.Read(reader, options ?? new CsvOptions(), sourceName);
    }
}
