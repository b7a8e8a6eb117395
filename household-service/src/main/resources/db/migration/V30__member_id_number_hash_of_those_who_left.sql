-- A person's ID number hash was indexed twice for everyone living in a household: once by the unique index of the
-- living members (one person, one household) and once by an index of every member, kept for the look-up of a person
-- who has left (died, married out, moved). The second now holds those who left only; the look-up reads both
-- (Households.findByIdNumber), and every member registered, an import's tens of thousands too, writes one index entry
-- fewer.
create index member_id_number_hash_left on member (id_number_hash) where status <> 'ACTIVE';
drop index member_id_number_hash;
