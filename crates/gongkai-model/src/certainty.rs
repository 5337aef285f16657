//! How surely a fact was read.
//!
//! A fact the reader read exactly carries nothing; a fact the reader had to
//! guess carries an [`Inference`]: the reason it is not exact. The rules compare
//! only exact facts at error severity: a finding that involves an inferred fact
//! is reported as a warning naming the reason (see `gongkai-rules`'s
//! `certainty` module), so that an error always rests on facts read for sure.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Why a fact was inferred rather than read exactly. Absent (`None`) means the
/// fact was read exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Inference {
    /// The labels of a multi-line header did not match the numeric columns one
    /// for one; each column took the label standing above or left of it.
    ColumnByPosition,
    /// A merged group cell of the header does not show which columns it spans:
    /// the columns beneath it may belong to it or to the group above.
    GroupExtent,
    /// The column has no header label of its own; its meaning was assumed
    /// (the amount column of a two-sided summary).
    ColumnUnnamed,
    /// The row printed only the lower part of its classification code; the
    /// higher parts were taken from the row above.
    CodeInherited,
    /// The row prints a name and no code; its code was found in the catalog by
    /// the name and the rows above it (the 款 read last, the 类 read last).
    CodeFromName,
    /// The row has more cells than its header has columns: its amounts may
    /// stand under the wrong columns.
    CellsBeyondHeader,
    /// The value was printed on lines of its own beside its row's label (a
    /// number wrapped inside its cell, `576,171.1` over `1`, or a value centred
    /// against a label that wraps) and joined to that row.
    WrappedValue,
    /// The row prints no unit code in a table by unit code; it was taken as a
    /// line of the unit above it (a purchase) because it fills the label cells
    /// after the code that a unit's own row leaves blank.
    LineOfUnit,
    /// The rows print no levels (categories and items alike, by name only);
    /// which rows each one adds up was read from their sums.
    NestedBySums,
    /// The row's first amount was printed glued to its label
    /// (`…缴费支出60.00`) and read off its end.
    AmountInLabel,
}

impl Inference {
    /// The stable id (as in JSON).
    pub fn id(self) -> &'static str {
        match self {
            Inference::ColumnByPosition => "column_by_position",
            Inference::GroupExtent => "group_extent",
            Inference::ColumnUnnamed => "column_unnamed",
            Inference::CodeInherited => "code_inherited",
            Inference::CodeFromName => "code_from_name",
            Inference::CellsBeyondHeader => "cells_beyond_header",
            Inference::WrappedValue => "wrapped_value",
            Inference::LineOfUnit => "line_of_unit",
            Inference::NestedBySums => "nested_by_sums",
            Inference::AmountInLabel => "amount_in_label",
        }
    }

    /// Every reason.
    pub const ALL: [Inference; 10] = [
        Inference::ColumnByPosition,
        Inference::GroupExtent,
        Inference::ColumnUnnamed,
        Inference::CodeInherited,
        Inference::CodeFromName,
        Inference::CellsBeyondHeader,
        Inference::WrappedValue,
        Inference::LineOfUnit,
        Inference::NestedBySums,
        Inference::AmountInLabel,
    ];

    /// The reason in Chinese, for messages.
    pub fn name_zh(self) -> &'static str {
        match self {
            Inference::ColumnByPosition => "表头与数据列未能一一对应，列的含义按位置推定",
            Inference::GroupExtent => "合并表头的跨列范围无法确定，列的归属系推定",
            Inference::ColumnUnnamed => "该列没有表头，列的含义系推定",
            Inference::CodeInherited => "该行只印了科目编码的后几位，前几位取自上一行",
            Inference::CodeFromName => "该行未印科目编码，编码系按科目名称和上下行推定",
            Inference::CellsBeyondHeader => "该行的单元格多于表头的列，数字可能错列",
            Inference::WrappedValue => "该数字印在单独的行上（单元格内折行），系拼接到所在行",
            Inference::LineOfUnit => "该行未印单位编码，按其填写的明细栏目推定为上方单位的明细行",
            Inference::NestedBySums => "各行未印层级，各行归属哪一合计系按金额推定",
            Inference::AmountInLabel => "该数字与科目名称连印在一起，系从名称末尾拆出",
        }
    }

    /// The reason in English.
    pub fn name_en(self) -> &'static str {
        match self {
            Inference::ColumnByPosition => {
                "the header labels did not match the columns one for one; meaning taken by position"
            }
            Inference::GroupExtent => {
                "a merged header cell does not show which columns it spans; the grouping is a guess"
            }
            Inference::ColumnUnnamed => "the column has no header; its meaning was assumed",
            Inference::CodeInherited => {
                "the row printed only the lower part of its code; the rest came from the row above"
            }
            Inference::CodeFromName => "the row prints no code; its code was found from its name and the rows above",
            Inference::CellsBeyondHeader => {
                "the row has more cells than its header; amounts may stand under the wrong columns"
            }
            Inference::WrappedValue => "the value was printed on lines of its own and joined to its row",
            Inference::LineOfUnit => {
                "the row prints no unit code; it was taken as a line of the unit above by the detail cells it fills"
            }
            Inference::NestedBySums => {
                "the rows print no levels; which total each one is part of was read from the sums"
            }
            Inference::AmountInLabel => "the amount was printed glued to the label and read off its end",
        }
    }
}
