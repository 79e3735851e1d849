#include "pseudonyms.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace traza::model {
namespace {

struct KindWords {
    const char* idPrefix;
    const char* en;
    const char* es;
};

// Short words a reader recognises: the catalogue's names of the kinds are
// descriptions ("Waste picker organisation (sorting and recovery station)").
KindWords wordsFor(ActorKind kind) {
    switch (kind) {
    case ActorKind::WastePicker: return {"pickers", "Picker group", "Grupo de recicladores"};
    case ActorKind::PickerOrganisation: return {"org", "Organisation", "Organización"};
    case ActorKind::Intermediary: return {"intermediary", "Intermediary", "Intermediario"};
    case ActorKind::Exporter: return {"exporter", "Exporter", "Exportador"};
    case ActorKind::Refiner: return {"refiner", "Refiner", "Refinador"};
    case ActorKind::Manufacturer: return {"manufacturer", "Manufacturer", "Fabricante"};
    case ActorKind::Brand: return {"brand", "Brand", "Marca"};
    case ActorKind::Other: break;
    }
    return {"actor", "Actor", "Actor"};
}

}  // namespace

std::vector<Pseudonym> pseudonymsFor(const std::vector<Actor>& actors, const std::string& language) {
    std::vector<std::size_t> order(actors.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return actors[a].stage < actors[b].stage; });
    std::map<ActorKind, int> counted;
    std::vector<Pseudonym> out(actors.size());
    for (std::size_t i : order) {
        const KindWords words = wordsFor(actors[i].kind);
        const std::string n = std::to_string(++counted[actors[i].kind]);
        out[i].id = std::string(words.idPrefix) + "-" + n;
        out[i].name = std::string(language == "es" ? words.es : words.en) + " " + n;
    }
    return out;
}

}  // namespace traza::model
