#pragma once
// What only a superuser can grant, run once per database by whoever creates it
// (the embedded cluster, the test and bench scripts; a DBA in production).
//
// Under row-level security PostgreSQL puts a condition into an index scan only
// when its function is LEAKPROOF; textlike (LIKE) is not declared so, though it
// raises no error that depends on the row's text. Declared, the trigram
// indexes (tenant_id, search) answer text searches (docs/architecture.md
// "Search"); without it searches scan the workshop's rows.
namespace mg::db {

inline constexpr const char* kSuperuserSetup = "alter function textlike(text, text) leakproof";

}  // namespace mg::db
