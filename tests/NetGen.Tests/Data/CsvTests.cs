using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using NetGen;

namespace NetGen.Tests.Data;

public class CsvTests
{
    private static Dataset Load(string text, CsvOptions? options = null) => Dataset.LoadCsv(new StringReader(text), options, "test.csv");

    private static string ErrorOf(string text, CsvOptions? options = null) => Assert.Throws<InvalidDataException>(() => Load(text, options)).Message;

    [Fact]
    public void IrisFile_LoadsWithOneHotSpeciesAndItsClassNames()
    {
        var iris = Dataset.LoadCsv(Path.Combine(AppContext.BaseDirectory, "data", "iris.csv"));

        Assert.Equal(150, iris.Count);
        Assert.Equal(4, iris.FeatureCount);
        Assert.Equal(3, iris.TargetCount);
        Assert.Equal(["sepal_length", "sepal_width", "petal_length", "petal_width"], iris.FeatureNames!);
        Assert.Equal(["setosa", "versicolor", "virginica"], iris.ClassNames!);
        Assert.Equal([5.1f, 3.5f, 1.4f, 0.2f], iris.FeaturesOf(0).ToArray());
        Assert.Equal([1f, 0f, 0f], iris.TargetsOf(0).ToArray());
        Assert.Equal([0f, 0f, 1f], iris.TargetsOf(149).ToArray());
        Assert.True(iris.HasClassLabels);
        Assert.Equal(50, Enumerable.Range(0, 150).Count(r => iris.ClassOf(r) == 1));
    }

    [Fact]
    public void TargetByNameOrIndex_AnywhereInTheRow()
    {
        const string text = "label,x,y\nb,1,2\na,3,4\nb,5,6\n";
        var byName = Load(text, new CsvOptions { Targets = ["label"] });
        var byIndex = Load(text, new CsvOptions { Targets = [0] });

        foreach (var data in new[] { byName, byIndex })
        {
            Assert.Equal(["x", "y"], data.FeatureNames!);
            Assert.Equal(["a", "b"], data.ClassNames!);   // sorted
            Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], data.Features.ToArray());
            Assert.Equal([0f, 1f, 1f, 0f, 0f, 1f], data.Targets.ToArray());
        }
    }

    [Fact]
    public void NumericTargets_AreRegressionValues_AndSeveralTargetColumnsWork()
    {
        var data = Load("a,b,y1,y2\n1,2,0.5,-1e-3\n3,4,1.25,7\n", new CsvOptions { Targets = ["y1", "y2"] });
        Assert.Equal(2, data.TargetCount);
        Assert.Null(data.ClassNames);
        Assert.Equal([0.5f, -0.001f, 1.25f, 7f], data.Targets.ToArray());
    }

    [Fact]
    public void NumericClassLabels_WhenAskedFor_AreSortedAsNumbers()
    {
        var data = Load("x,digit\n0.1,10\n0.2,2\n0.3,9\n0.4,2\n", new CsvOptions { TargetKind = CsvTargets.ClassLabels });
        Assert.Equal(["2", "9", "10"], data.ClassNames!);
        Assert.Equal([2, 0, 1, 0], Enumerable.Range(0, 4).Select(data.ClassOf));
    }

    [Fact]
    public void GivenClassNames_FixTheColumnsForASecondFile()
    {
        var options = new CsvOptions { ClassNames = ["setosa", "versicolor", "virginica"] };
        var test = Load("a,species\n1,virginica\n2,virginica\n", options);
        Assert.Equal(3, test.TargetCount);
        Assert.Equal([0f, 0f, 1f, 0f, 0f, 1f], test.Targets.ToArray());
        Assert.Equal("test.csv line 3, column \"species\": \"rose\" is not one of the classes \"setosa\", \"versicolor\", \"virginica\".",
            ErrorOf("a,species\n1,virginica\n2,rose\n", options));
    }

    [Fact]
    public void Parsing_IsCultureInvariant()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");   // "1,5" would be 1.5 here, and "1.5" fifteen
            var data = Load("x,y\n1.5,2e3\n-0.25,1\n");
            Assert.Equal([1.5f, -0.25f], data.Features.ToArray());
            Assert.Equal([2000f, 1f], data.Targets.ToArray());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void QuotesSpacesBlankLinesAndIgnoredColumns_AreHandled()
    {
        const string text = "id,\"note, with comma\",x,label\r\n\r\n7, \"said \"\"hi\"\"\" , 1.5 ,\"red\"\n8,\"two\nlines\",2.5,blue\n\n";
        var data = Load(text, new CsvOptions { Ignore = ["id", 1] });
        Assert.Equal(["x"], data.FeatureNames!);
        Assert.Equal([1.5f, 2.5f], data.Features.ToArray());
        Assert.Equal(["blue", "red"], data.ClassNames!);
        Assert.Equal([0f, 1f, 1f, 0f], data.Targets.ToArray());
    }

    [Fact]
    public void WithoutAHeader_ColumnsAreIndices_AndTheSeparatorIsAnOption()
    {
        var data = Load("1;2;0\n3;4;1\n", new CsvOptions { HasHeader = false, Separator = ';' });
        Assert.Null(data.FeatureNames);
        Assert.Equal([1f, 2f, 3f, 4f], data.Features.ToArray());
        Assert.Equal([0f, 1f], data.Targets.ToArray());   // numbers: a regression target unless asked for classes
        Assert.Equal("test.csv line 2, column 1: \"x\" is not a number; give it a number, or list the column in Ignore.",
            ErrorOf("1;2;0\n3;x;1\n", new CsvOptions { HasHeader = false, Separator = ';' }));
    }

    [Fact]
    public void NotANumber_NamesTheFileLineAndColumn()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "iris.csv"));
        lines[16] = "5.4,3.9,1.3,abc,setosa";   // line 17 of the file
        string path = Path.Combine(Path.GetTempPath(), $"iris-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, lines);
        try
        {
            var ex = Assert.Throws<InvalidDataException>(() => Dataset.LoadCsv(path));
            Assert.Equal($"{path} line 17, column \"petal_width\": \"abc\" is not a number; give it a number, or list the column in Ignore.", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void EveryFileProblem_NamesWhatAndWhere()
    {
        Assert.Equal("test.csv line 3 has 2 fields but the header has 3; every row needs one value per column.", ErrorOf("a,b,c\n1,2,3\n4,5\n"));
        Assert.Equal("test.csv line 2, column \"b\": the feature is empty; fill in or remove rows with missing values before loading.", ErrorOf("a,b,c\n1,,3\n"));
        Assert.Equal("test.csv line 2, column \"a\": \"NaN\" is not a finite number within the range of float.", ErrorOf("a,c\nNaN,3\n"));
        Assert.Equal("test.csv line 2, column \"a\": \"1e39\" is not a finite number within the range of float.", ErrorOf("a,c\n1e39,3\n"));
        Assert.Equal("test.csv has no data rows after its header; a dataset needs at least one row.", ErrorOf("a,b\n\n"));
        Assert.Equal("test.csv is empty; it needs a header line and at least one row.", ErrorOf(""));
        Assert.Equal("test.csv line 1: the header names columns 0 and 2 both \"a\"; column names must be distinct.", ErrorOf("a,b,a\n1,2,3\n"));
        Assert.Equal("test.csv line 2: a quoted field is not closed before the end of the file; add the closing \".", ErrorOf("a,b\n1,\"2\n3\n"));
        Assert.Equal("test.csv line 2: text follows the closing quote of a field; put the whole field in quotes and write a quote inside it as \"\".", ErrorOf("a,b\n1,\"2\"x\n"));
        Assert.Equal("test.csv: every row has the class \"a\"; a classifier needs at least two classes.", ErrorOf("x,y\n1,a\n2,a\n"));
        Assert.Equal("test.csv line 3, column \"y\": \"b\" is not a number; for class labels set TargetKind = CsvTargets.ClassLabels.",
            ErrorOf("x,y\n1,2\n2,b\n", new CsvOptions { TargetKind = CsvTargets.Values }));
    }

    [Fact]
    public void OptionsThatDoNotFitTheFile_NameTheColumn()
    {
        static string Error(CsvOptions options) => Assert.Throws<ArgumentException>(() => Load("a,b,c\n1,2,3\n", options)).Message.Split(" (Parameter")[0];

        Assert.Equal("test.csv has no column \"species\"; its columns are \"a\", \"b\", \"c\".", Error(new CsvOptions { Targets = ["species"] }));
        Assert.Equal("test.csv has 3 columns (0 to 2), so there is no column 3.", Error(new CsvOptions { Targets = [3] }));
        Assert.Equal("test.csv: column \"c\" is both a target and ignored; leave it out of one of the lists.", Error(new CsvOptions { Ignore = ["c"] }));
        Assert.Equal("test.csv has 3 columns and every one is a target or ignored; a dataset needs at least one feature column.", Error(new CsvOptions { Ignore = ["a", "b"] }));
        Assert.Equal("test.csv: column \"a\" is given by name, but HasHeader is false; give its index instead, counting from 0.",
            Assert.Throws<ArgumentException>(() => Load("1,2\n", new CsvOptions { HasHeader = false, Targets = ["a"] })).Message.Split(" (Parameter")[0]);
        Assert.Throws<ArgumentException>(() => (CsvColumn)"");
        Assert.Throws<ArgumentOutOfRangeException>(() => (CsvColumn)(-1));
    }
}
