#pragma once
// The goals and supports tables as text cells: which column is which field,
// what a cell shows and how a typed cell becomes a model value. No wx, so the
// parsing rules are tested without a display. A cell that does not parse
// throws InvalidInput naming the field (the file spelling, e.g. "count").
#include <string>
#include <vector>

#include "goal_progress.h"
#include "project.h"

namespace traza::gui {

/// The computed columns come before the notes, so they show without scrolling.
enum class GoalColumn { Actor, Buyer, Thresholds, Delivered, Compliance, Reached, Notes, Count };
enum class SupportColumn { Actor, Type, Threshold, Region, Count, Beneficiaries, Cost, Notes, Columns };

/// The file name of a column's field ("thresholds_t"), used in refusals.
std::string fieldName(GoalColumn);
std::string fieldName(SupportColumn);
/// True for the computed columns (delivered, compliance, thresholds reached).
bool isComputed(GoalColumn);

/// Thresholds typed as "90; 120; 150" (semicolons or spaces between them; a
/// decimal comma is read as a point, "19,2" = 19.2). Throws InvalidInput
/// ("thresholds_t") for text that is not a list of numbers.
std::vector<double> parseThresholds(const std::string&);
std::string formatThresholds(const std::vector<double>&);
/// A whole number ("117"); throws InvalidInput(field) otherwise. Negative
/// numbers parse: the model's validation refuses them with its own reason.
int parseWholeNumber(const std::string&, const std::string& field);
/// A decimal number (decimal comma accepted); empty text is 0.
double parseNumber(const std::string&, const std::string& field);
/// Shortest text that reads back as `v` ("7.8", "150").
std::string formatNumber(double v);

/// `goals` with the cell (`row`, `column`) set from `text`; actor and buyer
/// cells take actor ids. Throws InvalidInput for a computed column or bad text.
std::vector<model::Goal> withGoalCell(std::vector<model::Goal> goals, std::size_t row, GoalColumn, const std::string& text);
std::vector<model::Support> withSupportCell(std::vector<model::Support> supports, std::size_t row, SupportColumn,
                                            const std::string& text);

/// The text of a goal's computed cell: "7.8" t, "78%", "2 of 3".
std::string computedCell(const model::GoalProgress&, GoalColumn);

}  // namespace traza::gui
