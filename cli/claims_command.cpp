// traza-cli claims: the claim accounts of a project (issue #20) — per actor
// that makes claims and per accounting period: eligible and non-eligible
// input, claimable and claimed output, the balance carried and what expired,
// then each input flow with why it is or is not eligible. --json prints the
// analysis JSON's "claims" object. An over-allocated account is refused
// (exit 2, the flow and the period named).
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "analysis.h"
#include "commands.h"
#include "project_io.h"
#include "supplier_checklists.h"

namespace traza::cli {
namespace {

struct ClaimsCommandOptions {
    std::string input;
    bool json = false;
    std::string language = "en";
};

std::string num(double x, int decimals, bool es) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
    std::string s = buf;
    if (es)
        for (char& c : s)
            if (c == '.') c = ',';
    return s;
}

void printAccounts(const risk::ProjectClaims& claims, bool es, std::ostream& out) {
    auto t = [es](const char* en, const char* spanish) { return es ? spanish : en; };
    if (claims.accounts.empty()) {
        out << t("No actor makes claims (refiners do by default; mark others with makes_claims).\n",
                 "Ningún actor hace declaraciones (las refinadoras por defecto; marque otros con makes_claims).\n");
        return;
    }
    out << t("Claim accounts (mass balance, credit method). A mass-balance claim implies no physical content.\n",
             "Cuentas de declaración (balance de masa, método de créditos). Una declaración de balance de masa no "
             "implica contenido físico.\n");
    for (const risk::ActorClaimAccount& c : claims.accounts) {
        out << "\n" << c.actor << t(": profile ", ": perfil ") << c.profile << " (" << c.periodMonths
            << t(" months a period, credits usable ", " meses por período, créditos utilizables ") << c.carryOverPeriods
            << t(" periods later), yield ", " períodos después), rendimiento ") << num(c.yield, 3, es) << "\n";
        if (c.periods.empty()) out << "  " << t("no flows in or out\n", "sin flujos de entrada ni de salida\n");
        for (const risk::ClaimPeriod& p : c.periods) {
            out << "  " << p.start << t(" to ", " a ") << p.end << "\n";
            out << "    " << t("input eligible ", "entrada admisible ") << num(p.eligibleInT, 3, es)
                << t(" t, not eligible ", " t, no admisible ") << num(p.nonEligibleInT, 3, es) << " t ("
                << num(100 * p.inputShare(), 1, es) << t("% eligible)\n", " % admisible)\n");
            out << "    " << t("credits ", "créditos ") << num(p.creditsT, 3, es) << t(" t + carried in ", " t + trasladados ")
                << num(p.carriedInT, 3, es) << t(" t = claimable ", " t = declarable ") << num(p.carriedInT + p.creditsT, 3, es)
                << " t\n";
            out << "    " << t("output ", "salida ") << num(p.outT, 3, es) << t(" t, claimed ", " t, declarada ")
                << num(p.claimedT, 3, es) << " t (" << num(p.outT > 0 ? 100 * p.claimedT / p.outT : 0, 1, es)
                << t("% of output)\n", " % de la salida)\n");
            out << "    " << t("expired ", "vencido ") << num(p.expiredT, 3, es) << t(" t, balance carried ", " t, saldo trasladado ")
                << num(p.balanceT, 3, es) << " t\n";
        }
        if (!c.inputs.empty()) out << "  " << t("Input flows\n", "Flujos de entrada\n");
        for (const risk::ClaimInput& in : c.inputs) {
            out << "    " << in.flow << t(" from ", " de ") << in.from << ", " << num(in.tonnes, 3, es) << " t: "
                << (in.eligible ? t("eligible ", "admisible ") + num(in.eligibleT, 3, es) + " t"
                                : std::string(t("not eligible", "no admisible")))
                << "\n";
            for (const std::string& r : in.reasons) out << "      " << r << "\n";
        }
    }
}

void runClaims(const ClaimsCommandOptions& o) {
    const model::Project project = loadProject(o.input);
    risk::AnalysisOptions options;
    options.language = o.language;
    risk::Analysis analysis = risk::analyze(project, options);
    // Without any claim the analysis carries no accounts; the refiners' are still worth showing.
    const risk::ProjectClaims claims =
        analysis.claims ? *analysis.claims
                        : risk::computeProjectClaims(project, analysis.redFlags, risk::SupplierChecklists(project),
                                                     options.language);
    if (o.json)
        writeStdout([&](const ByteSink& sink) {
            model::JsonStreamWriter w(sink);
            risk::writeClaimsJson(w, claims);
            w.finish();
            sink("\n");
        });
    else
        printAccounts(claims, o.language == "es", std::cout);
}

}  // namespace

void registerClaimsCommand(CLI::App& app) {
    auto options = std::make_shared<ClaimsCommandOptions>();
    CLI::App* cmd = app.add_subcommand(
        "claims",
        "Claim accounts of the actors that make claims (refiners by default): per period, eligible input, claimable "
        "and claimed output, balance carried, expired; why each input is eligible. Refuses an over-allocation");
    cmd->add_option("project", options->input, "Project file (.traza, or .json)")->required()->check(CLI::ExistingFile);
    cmd->add_flag("--json", options->json, "Print the accounts as JSON (the analysis JSON's \"claims\" object)");
    cmd->add_option("--lang", options->language, "Language of the reasons: en or es")->check(CLI::IsMember({"en", "es"}));
    cmd->callback([options] { runClaims(*options); });
}

}  // namespace traza::cli
