#include <catch2/catch.hpp>

#include "tawsiya/recommendation_text.hpp"

using tawsiya::strip_recommendation_noise;

TEST_CASE("recommending states and paragraph numbers are not content", "[text]") {
    CHECK(strip_recommendation_noise("129.1 Ratify the remaining core treaties (Ukraine);") ==
          "Ratify the remaining core treaties");
    CHECK(strip_recommendation_noise("Abolish the death penalty (Czech Republic) (Lithuania).") ==
          "Abolish the death penalty");
    CHECK(strip_recommendation_noise("Ratifier le Protocole facultatif (Norvège, Danemark) ;") ==
          "Ratifier le Protocole facultatif");
    CHECK(strip_recommendation_noise("التصديق على البروتوكول الاختياري (النرويج)؛") ==
          "التصديق على البروتوكول الاختياري");
    CHECK(strip_recommendation_noise("12 (a) Adopt a law on domestic violence.") ==
          "Adopt a law on domestic violence");
    CHECK(strip_recommendation_noise("(b) Adopt a law") == "Adopt a law");
}

TEST_CASE("content in parentheses and leading years stay", "[text]") {
    CHECK(strip_recommendation_noise("Ratify the Convention on the Rights of Persons with "
                                     "Disabilities (CRPD)") ==
          "Ratify the Convention on the Rights of Persons with Disabilities (CRPD)");
    CHECK(strip_recommendation_noise("2030 Agenda targets should guide the plan") ==
          "2030 Agenda targets should guide the plan");
    CHECK(strip_recommendation_noise("") == "");
    CHECK(strip_recommendation_noise("(France)") == "");
}
