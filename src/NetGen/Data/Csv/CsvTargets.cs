namespace NetGen;

/// <summary>What the target columns of a CSV file hold.</summary>
public enum CsvTargets
{
    /// <summary>Class labels when the (single) target column holds a value that is not a number, numeric values otherwise.</summary>
    Auto,

    /// <summary>Class labels, text or numbers, mapped to one-hot targets: one target column per class.</summary>
    ClassLabels,

    /// <summary>Numeric values taken as they are (regression), one target per target column.</summary>
    Values,
}
