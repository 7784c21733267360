/// <reference types="google-apps-script" />
/**
 * Short, type-only aliases for the Apps Script declaration namespaces. A plain
 * `type X = GoogleAppsScript.Spreadsheet` cannot alias a namespace, and an
 * `import X =` alias would survive transpilation as a runtime reference to a
 * global that only exists inside Apps Script.
 */

export declare namespace SS {
  export type BooleanCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;
  export type BooleanCriteria = GoogleAppsScript.Spreadsheet.BooleanCriteria;
  export type ConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
  export type ConditionalFormatRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
  export type ContainerInfo = GoogleAppsScript.Spreadsheet.ContainerInfo;
  export type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
  export type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  export type DataValidationCriteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  export type DeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
  export type DeveloperMetadataFinder = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
  export type DeveloperMetadataLocation = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation;
  export type DeveloperMetadataLocationType = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;
  export type DeveloperMetadataVisibility = GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
  export type EmbeddedAreaChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder;
  export type EmbeddedBarChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder;
  export type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
  export type EmbeddedChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  export type EmbeddedColumnChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder;
  export type EmbeddedComboChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedComboChartBuilder;
  export type EmbeddedHistogramChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedHistogramChartBuilder;
  export type EmbeddedLineChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder;
  export type EmbeddedPieChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder;
  export type EmbeddedScatterChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedScatterChartBuilder;
  export type EmbeddedTableChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedTableChartBuilder;
  export type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;
  export type GradientCondition = GoogleAppsScript.Spreadsheet.GradientCondition;
  export type NamedRange = GoogleAppsScript.Spreadsheet.NamedRange;
  export type Protection = GoogleAppsScript.Spreadsheet.Protection;
  export type ProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;
  export type Range = GoogleAppsScript.Spreadsheet.Range;
  export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
  export type SheetType = GoogleAppsScript.Spreadsheet.SheetType;
  export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
  export type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}

export declare namespace B {
  export type Button = GoogleAppsScript.Base.Button;
  export type Date = GoogleAppsScript.Base.Date;
  export type Menu = GoogleAppsScript.Base.Menu;
  export type Session = GoogleAppsScript.Base.Session;
  export type Ui = GoogleAppsScript.Base.Ui;
}

export declare namespace H {
  export type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
  export type HtmlService = GoogleAppsScript.HTML.HtmlService;
  export type SandboxMode = GoogleAppsScript.HTML.SandboxMode;
  export type XFrameOptionsMode = GoogleAppsScript.HTML.XFrameOptionsMode;
}

export declare namespace P {
  export type Properties = GoogleAppsScript.Properties.Properties;
  export type PropertiesService = GoogleAppsScript.Properties.PropertiesService;
}

export declare namespace L {
  export type Lock = GoogleAppsScript.Lock.Lock;
  export type LockService = GoogleAppsScript.Lock.LockService;
}

export declare namespace Charts {
  export type ChartHiddenDimensionStrategy = GoogleAppsScript.Charts.ChartHiddenDimensionStrategy;
  export type ChartMergeStrategy = GoogleAppsScript.Charts.ChartMergeStrategy;
  export type ChartOptions = GoogleAppsScript.Charts.ChartOptions;
  export type ChartType = GoogleAppsScript.Charts.ChartType;
}

export declare namespace U {
  export type Utilities = GoogleAppsScript.Utilities.Utilities;
}
