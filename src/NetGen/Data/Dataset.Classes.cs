using System;

namespace NetGen;

public sealed partial class Dataset
{
    // 0: not measured yet, 1: every target row is a class label, 2: some row is not.
    private int _classLabelState;

    /// <summary>
    /// Whether every row's targets are a class label: one-hot rows with several target columns (as
    /// <see cref="OneHot"/> and <see cref="LoadCsv(string, CsvOptions?)"/> make them), 0 or 1 with a single column.
    /// </summary>
    public bool HasClassLabels
    {
        get
        {
            if (_classLabelState == 0)
            {
                _classLabelState = AllRowsAreLabels() ? 1 : 2;
            }

            return _classLabelState == 1;
        }
    }

    /// <summary>The number of classes the targets can name: <see cref="TargetCount"/>, or 2 with a single target column.</summary>
    public int ClassCount => ClassRule.ClassCount(TargetCount);

    /// <summary>
    /// The class of row <paramref name="row"/>: the index of its largest target (the 1 of a one-hot row), or with a
    /// single target column 1 when the target is at least 0.5, else 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not in [0, <see cref="Count"/>).</exception>
    public int ClassOf(int row) => ClassRule.ClassOf(TargetsOf(row));

    /// <summary>The name of class <paramref name="index"/> from <see cref="ClassNames"/>, or the index itself.</summary>
    internal string ClassName(int index) => ClassNames is { } names ? names[index] : index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private bool AllRowsAreLabels()
    {
        for (int row = 0; row < Count; row++)
        {
            if (!ClassRule.IsLabel(_targets.AsSpan(row * TargetCount, TargetCount)))
            {
                return false;
            }
        }

        return true;
    }
}
