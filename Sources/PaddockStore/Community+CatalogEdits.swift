import Foundation
import GRDB
import PaddockCore

/// Editing and retiring the catalog (managers and up). A retired product or
/// feature keeps its suggestions, which stay readable and listed, but takes
/// no new ones.
extension Community {
    /// Changes a product's name and/or description; nil leaves it as it is.
    @discardableResult
    public func editProduct(by actor: Actor, product slug: String, name: String? = nil, description: String? = nil) throws -> ProductSummary {
        let name = try name.map { try Validate.name($0, what: "product name", limit: Limits.boardTitleCharacters) }
        let description = try description.map(Self.catalogDescription)
        return try writer.write { db in
            try Rules.manageCatalog(by: try Self.fresh(db, actor))
            let product = try Self.product(db, slug: slug)
            try db.execute(sql: "UPDATE product SET name = ?, description = ? WHERE id = ?",
                           arguments: [name ?? product.name, description ?? product.description, product.id])
            return try Self.product(db, slug: slug)
        }
    }

    /// Changes a feature's name and/or description; nil leaves it as it is.
    @discardableResult
    public func editFeature(by actor: Actor, product productSlug: String, feature slug: String, name: String? = nil,
                            description: String? = nil) throws -> FeatureSummary {
        let name = try name.map { try Validate.name($0, what: "feature name", limit: Limits.boardTitleCharacters) }
        let description = try description.map(Self.catalogDescription)
        return try writer.write { db in
            try Rules.manageCatalog(by: try Self.fresh(db, actor))
            let feature = try Self.feature(db, product: productSlug, slug: slug)
            try db.execute(sql: "UPDATE feature SET name = ?, description = ? WHERE id = ?",
                           arguments: [name ?? feature.name, description ?? feature.description, feature.id])
            return try Self.feature(db, product: productSlug, slug: slug)
        }
    }

    /// Retires a feature. When the method returns it takes no new suggestions;
    /// the ones tagged to it keep the tag.
    @discardableResult
    public func retireFeature(by actor: Actor, product productSlug: String, feature slug: String) throws -> FeatureSummary {
        let now = self.now
        return try writer.write { db in
            try Rules.manageCatalog(by: try Self.fresh(db, actor))
            let feature = try Self.feature(db, product: productSlug, slug: slug)
            guard feature.retiredAt == nil else { throw CommunityError.invalid("the feature '\(feature.slug)' is already retired") }
            try db.execute(sql: "UPDATE feature SET retiredAt = ? WHERE id = ?", arguments: [now.stored, feature.id])
            return try Self.feature(db, product: productSlug, slug: slug)
        }
    }

    /// Retires a product: it takes no new suggestions.
    @discardableResult
    public func retireProduct(by actor: Actor, product slug: String) throws -> ProductSummary {
        let now = self.now
        return try writer.write { db in
            try Rules.manageCatalog(by: try Self.fresh(db, actor))
            let product = try Self.product(db, slug: slug)
            guard product.retiredAt == nil else { throw CommunityError.invalid("the product '\(product.slug)' is already retired") }
            try db.execute(sql: "UPDATE product SET retiredAt = ? WHERE id = ?", arguments: [now.stored, product.id])
            return try Self.product(db, slug: slug)
        }
    }

    static func feature(_ db: Database, product productSlug: String, slug: String) throws -> FeatureSummary {
        let product = try Self.product(db, slug: productSlug)
        guard let feature = try FeatureSummary.fetchOne(db, sql: "SELECT * FROM feature WHERE productId = ? AND slug = ?",
                                                        arguments: [product.id, slug.lowercased()]) else {
            throw CommunityError.notFound("\(product.slug) has no feature '\(slug)'")
        }
        return feature
    }

    static func catalogDescription(_ text: String) throws -> String {
        guard text.count <= Limits.descriptionCharacters else {
            throw CommunityError.invalid("the description is \(text.count) characters; the limit is \(Limits.descriptionCharacters)")
        }
        return text
    }
}
